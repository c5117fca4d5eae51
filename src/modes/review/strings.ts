/** Review's own words, English and French: in the mode's chunk, so the practice page pays nothing for them. */

const tasks = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;
const taches = (n: number) => `${n} ${n === 1 ? 'tâche' : 'tâches'}`;
const inDaysEn = (d: number) => (d <= 1 ? 'tomorrow' : `in ${d} days`);
const inDaysFr = (d: number) => (d <= 1 ? 'demain' : `dans ${d} jours`);

export const en = {
  header: 'Past mistakes from every set',
  loading: 'Finding what is due…',
  dueHeading: (n: number) => `To review today: ${tasks(n)}`,
  intro: 'Tasks you got wrong before, in any set and any mode, come back on a schedule. Solve each one as in practice: the sooner you solve it, the later it comes back.',
  noneHeading: 'Nothing to review today',
  noneYet: 'Tasks you get wrong, in any mode, come back here on the day they are due.',
  next: (n: number, days: number) => `Next: ${tasks(n)} ${inDaysEn(days)}.`,
};

export type ReviewStrings = typeof en;

export const fr: ReviewStrings = {
  header: 'Erreurs passées de toutes les séries',
  loading: 'Recherche de ce qui est à revoir…',
  dueHeading: (n) => `À revoir aujourd’hui : ${taches(n)}`,
  intro: 'Les tâches ratées auparavant, dans n’importe quelle série et n’importe quel mode, reviennent selon un calendrier. Résolvez chacune comme en entraînement : plus vite vous la résolvez, plus tard elle revient.',
  noneHeading: 'Rien à revoir aujourd’hui',
  noneYet: 'Les tâches que vous ratez, dans n’importe quel mode, reviennent ici le jour prévu.',
  next: (n, days) => `Ensuite : ${taches(n)} ${inDaysFr(days)}.`,
};
