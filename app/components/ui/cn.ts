import { twMerge } from "tailwind-merge";

/** A class value: a string, or nothing (false, null, undefined, "" from `cond && "class"`). */
export type ClassValue = string | false | null | undefined;

/**
 * Joins class names and lets a later Tailwind class win over an earlier one of the same kind
 * (`cn("px-4", "px-2")` → "px-2"), so a caller's `className` overrides a primitive's default.
 * A plain join is all we need on top of twMerge: our primitives pass strings and conditionals,
 * never objects or arrays, so clsx would be one dependency for nothing.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
