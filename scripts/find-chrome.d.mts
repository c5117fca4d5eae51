// Types for find-chrome.mjs, which playwright.config.ts (TypeScript) imports.
export declare const CHROME_FLAGS: string[];
export declare function locateChrome(options?: { warn?: (message: string) => void }): { path: string; source: string } | undefined;
export declare function findChrome(options?: { allowInstall?: boolean }): string;
