// @vitest-environment node
// Builds the LMS runtime (vite.lms.config.ts, in memory) once and packages the seed set in each format.
import { readFileSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { CONFIG_ID, type PackageConfig } from '../lms/config.ts';
import { packageFiles, withAttempts, zipPackage } from './package.ts';

const set = JSON.parse(readFileSync(new URL('../../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8')) as ExerciseSet;
const formats = ['scorm12', 'scorm2004', 'cmi5'] as const;

describe('LMS packages of the seed set', { timeout: 120_000 }, () => {
  const built = Promise.all(formats.map(async (format) => [format, await packageFiles(set, { format, mode: 'practice', mastery: 0.8 })] as const));

  it('carry the grammars of the set\'s languages only (http, python), no French table, cmi5\'s client only in cmi5', async () => {
    for (const [format, files] of await built) {
      const names = Object.keys(files);
      const grammars = names.filter((n) => /^(bash|css|http|java|javascript|json|markup|python|sql|typescript)-/.test(n)).map((n) => n.split('-')[0]);
      // A grammar other grammars import comes as a facade chunk and the grammar's own: both are python.
      expect([...new Set(grammars)].sort()).toEqual(['http', 'python']);
      expect(names.some((n) => n.startsWith('grammars-'))).toBe(false); // the table of names: not needed here
      expect(names.some((n) => n.startsWith('fr-'))).toBe(false);
      expect(names.some((n) => n.startsWith('cmi5-'))).toBe(format === 'cmi5');
      expect(names).toContain(format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml');
    }
  });

  it('use relative URLs only: every import names a file of the package or a grammar it does not need', async () => {
    for (const [, files] of await built) {
      const names = new Set(Object.keys(files));
      const html = strFromU8(files['index.html'] as Uint8Array);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      for (const [name, bytes] of Object.entries(files)) {
        if (!name.endsWith('.js')) continue;
        const code = strFromU8(bytes);
        expect(code).not.toMatch(/import\s*\(?\s*["'`]https?:/);
        // Grammars the set does not use, the French table, the embed's extras, the modes' registry and views (practice has neither).
        for (const [, target] of code.matchAll(/(?:from|import\()\s*["'`]\.\/([^"'`]+)["'`]/g)) {
          if (!names.has(target as string)) expect(target).toMatch(/^(bash|css|go|java|javascript|json|markup|rust|sql|typescript|grammars|fr|cmi5|xapi|frame|registry|view|fetch-set)-/);
        }
      }
    }
  });

  it('hold the set and the package settings in index.html, and stay within 120 KB zipped', async () => {
    for (const [format, files] of await built) {
      const html = strFromU8(files['index.html'] as Uint8Array);
      const json = new RegExp(`<script type="application/json" id="${CONFIG_ID}">(.*?)</script>`, 's').exec(html)?.[1] ?? '';
      const config = JSON.parse(json) as PackageConfig;
      expect(config).toEqual({ format, mode: 'practice', mastery: 0.8, set });
      const size = zipPackage(files).length;
      console.info(`${format}: ${(size / 1024).toFixed(1)} KB zipped`);
      expect(size).toBeLessThanOrEqual(120 * 1024);
    }
  });

  it('carry the table of names and the grammar when a set names its language by an alias', async () => {
    const aliased = { ...set, tasks: set.tasks.map((t) => ({ ...t, language: 'py' })) };
    const names = Object.keys(await packageFiles(aliased, { format: 'scorm12', mode: 'practice', mastery: 0.8 }));
    expect(names.some((n) => n.startsWith('grammars-'))).toBe(true);
    expect(names.some((n) => n.startsWith('python-'))).toBe(true);
    expect(names.some((n) => n.startsWith('http-'))).toBe(false);
  });

  it('ship the XSD files each SCORM manifest names, at the zip\'s root: 1.2 always, 2004 when asked', async () => {
    const located = (files: Record<string, Uint8Array>) => {
      const manifest = strFromU8(files['imsmanifest.xml'] as Uint8Array);
      const pairs = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1]?.split(' ') ?? [];
      return pairs.filter((_, i) => i % 2 === 1);
    };
    const byFormat = new Map(await built);
    const scorm12 = byFormat.get('scorm12') as Record<string, Uint8Array>;
    expect(located(scorm12)).toEqual(['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd']);
    // Every schema the manifest names, and every schema those import, is in the zip.
    const imports = (files: Record<string, Uint8Array>) =>
      Object.entries(files).flatMap(([name, bytes]) => (name.endsWith('.xsd') ? [...strFromU8(bytes).replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(?:xsd?:)?(?:import|include)\b[^>]*schemaLocation\s*=\s*"([^"]+)"/g)].map((m) => m[1] as string) : []));
    for (const name of [...located(scorm12), ...imports(scorm12)]) expect(Object.keys(scorm12)).toContain(name);
    // Not the resource's files: the SCO lists only its own.
    expect(strFromU8(scorm12['imsmanifest.xml'] as Uint8Array)).not.toContain('<file href="ims_xml.xsd"/>');

    // 2004's 17 documents weigh about 21 KB zipped: the default package goes without them (and names none).
    const scorm2004 = byFormat.get('scorm2004') as Record<string, Uint8Array>;
    expect(located(scorm2004)).toEqual([]);
    expect(Object.keys(scorm2004).some((n) => n.endsWith('.xsd'))).toBe(false);
    const withXsd = await packageFiles(set, { format: 'scorm2004', mode: 'practice', mastery: 0.8, xsd: true });
    expect(located(withXsd)).toEqual(['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd']);
    for (const name of [...located(withXsd), ...imports(withXsd)]) expect(Object.keys(withXsd)).toContain(name);
    expect(Object.keys(withXsd)).toEqual(expect.arrayContaining(['xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd']));
    console.info(`scorm2004 with its XSD files: ${(zipPackage(withXsd).length / 1024).toFixed(1)} KB zipped`);
  });

  // The 120 KB is the default package's (practice). Another mode adds its view and the registry
  // (2-9 KB zipped): held to 12 KB more, so a mode cannot grow unnoticed.
  it.each(['exam', 'typed', 'order', 'pick', 'study'])('in --mode %s carry the registry and that mode\'s view only, and stay within 132 KB zipped', async (mode) => {
    for (const format of formats) {
      const files = await packageFiles(set, { format, mode, mastery: 0.8 });
      const names = Object.keys(files);
      const code = (name: string) => strFromU8(files[name] as Uint8Array);
      expect(names.filter((n) => n.startsWith('registry-'))).toHaveLength(1);
      // One mode view: each view's chunk is named after its file (view-*), and the one carried is this mode's.
      const views = names.filter((n) => n.startsWith('view-'));
      expect(views).toHaveLength(1);
      const html = code('index.html');
      expect(html).toContain(`"mode":"${mode}"`);
      const size = zipPackage(files).length;
      console.info(`${format} --mode ${mode}: ${(size / 1024).toFixed(1)} KB zipped`);
      expect(size).toBeLessThanOrEqual(132 * 1024);
    }
    // Practice carries neither.
    const practice = Object.keys((await built)[0]?.[1] ?? { missing: 1 });
    expect(practice.some((n) => n.startsWith('registry-') || n.startsWith('view-'))).toBe(false);
  });

  it('apply the package\'s attempts to every task', () => {
    const one = withAttempts({ ...set, tasks: set.tasks.map((t, i) => (i === 0 ? { ...t, maxAttempts: 5 } : t)) }, 1);
    expect(one.maxAttempts).toBe(1);
    expect(one.tasks.every((t) => t.maxAttempts === undefined)).toBe(true);
    expect(withAttempts(set, undefined)).toBe(set);
  });
});
