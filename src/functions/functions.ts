/* The KOR.* custom functions (issue 3). Placeholder so the build and manifest are complete. */

/**
 * Returns TRUE when a category counts toward the KOR threshold of €20,000.
 * @customfunction ISCOUNTABLE
 * @param category Category code or VAT rate, e.g. "21%", "export", "vrij".
 * @returns TRUE or FALSE.
 */
export function isCountable(category: string): boolean {
  return category !== "vrij";
}
