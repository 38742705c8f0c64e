/** This action's version, sent in the User-Agent; a test keeps it equal to package.json's. */
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `nexrender-cancel-batch-action/${ACTION_VERSION}`
