/**
 * The set header's "Practice · 5 tasks" in a mode's own name, laid over the page's words by the mode's
 * view (ModeView.strings): the header says which way the learner is working.
 */
import type { Strings } from '../i18n/table.ts';

export const named =
  (en: string, fr: string) =>
  (lang: string): Pick<Strings, 'practice'> => ({
    practice: (n) => (lang === 'fr' ? `${fr} · ${n} ${n === 1 ? 'tâche' : 'tâches'}` : `${en} · ${n} ${n === 1 ? 'task' : 'tasks'}`),
  });
