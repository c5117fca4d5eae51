/**
 * The entry of an exported LMS package (`npm run export`): index.html holds the set and the package's
 * settings as JSON; this module mounts the exercise in the page and connects it to the LMS the
 * package was made for (SCORM 1.2, SCORM 2004 or cmi5). A front door beside src/embed, built by
 * vite.lms.config.ts; it reuses the embed's mount().
 */
import { mount, type MountOptions } from '../embed/mount.tsx';
import { CONFIG_ID, type PackageConfig } from './config.ts';
import { startScorm } from './scorm.ts';

const element = document.getElementById('codeblanks');
const text = document.getElementById(CONFIG_ID)?.textContent;
if (element && text) {
  const config = JSON.parse(text) as PackageConfig;
  // The set was validated when the package was made (npm run export): the package ships no validator.
  const mountIt = (options: Pick<MountOptions, 'storage' | 'onEvent'>) => mount(element, { exercise: config.set, mode: config.mode, prevalidated: true, ...options });
  if (config.format === 'cmi5') {
    import('./cmi5.ts').then(({ startCmi5 }) => startCmi5(config.set, config.mastery, mountIt, config.mode)).catch((error: unknown) => console.error('codeblanks:', error));
  } else {
    startScorm(config.format === 'scorm12' ? '1.2' : '2004', config.set, config.mastery, mountIt, config.mode);
  }
}
