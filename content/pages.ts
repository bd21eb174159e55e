/**
 * Pages other than the home page and lessons. The header navigation, the sitemap and the end-to-end
 * route checks read this list, so a new page is added here once.
 */
export const pages = [{ path: '/validation/', navLabel: 'Validation' }] as const;
