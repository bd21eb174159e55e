/**
 * Pages other than the home page and lessons. The header navigation, the sitemap and the end-to-end
 * route checks read this list, so a new page is added here once.
 */
export const pages = [
  { path: '/validation/', navLabel: 'Validation' },
  { path: '/workshop/', navLabel: 'Workshop' },
  // Reached from the workshop page; not in the header, which stays short on phones.
  { path: '/workshop/room/', navLabel: 'Room dashboard', nav: false },
  { path: '/workshop/guide/', navLabel: 'Facilitator guide', nav: false },
] as const;
