/**
 * A reply as it arrives: the field names of GitHub's published schema, none of its promises. Every
 * value is `unknown` until checked, and every object may be missing (reading a field of anything but
 * `null` or `undefined` is safe in JavaScript, so an object's fields are only made optional). Reading
 * a field the schema does not have fails to compile; trusting a value without checking it does too.
 * (A schema's `any`, such as GraphQL's custom scalars, is `unknown` here as well.)
 */
export type Unverified<T> = 0 extends 1 & T
  ? unknown
  : T extends null | undefined
    ? T
    : T extends readonly unknown[]
      ? unknown
      : T extends object
        ? { readonly [K in keyof T]?: Unverified<T[K]> } | null | undefined
        : unknown
