/**
 * Theme choice: follow the system unless the reader picked one. The choice is stored in
 * localStorage; anything unexpected there is ignored. `themeBootScript` runs before first paint
 * (inline in <head>, allowed by its hash in the CSP) so a stored dark theme never flashes light.
 */
export const THEME_STORAGE_KEY = 'sw:theme';
export type Theme = 'light' | 'dark';

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

export const themeBootScript = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark'){document.documentElement.dataset.theme=t;}}catch(e){}})();`;
