/** Flashcards' own words, English and French: in the mode's chunk, so the practice page pays nothing for them. */

/** "today", "tomorrow", "in 3 days". */
const inDaysEn = (d: number) => (d <= 0 ? 'today' : d === 1 ? 'tomorrow' : `in ${d} days`);
const inDaysFr = (d: number) => (d <= 0 ? "aujourd'hui" : d === 1 ? 'demain' : `dans ${d} jours`);

export const en = {
  heading: (i: number, n: number) => `Card ${i} of ${n}`,
  where: (task: number, blank: number) => `Task ${task}, blank ${blank}`,
  intro: 'Recall what the marked blank holds, then turn the card and rate how well you remembered it.',
  gap: 'the blank to recall',
  turn: 'Show answer',
  answer: 'Answer',
  rateLegend: 'How well did you recall it? (keys 1 to 4)',
  grades: ['Again', 'Hard', 'Good', 'Easy'] as readonly string[],
  inDays: inDaysEn,
  rated: (grade: string, days: number) => `${grade} · due ${inDaysEn(days)}`,
  doneHeading: 'No cards due',
  doneNext: (days: number, count: number) => `Next: ${count} ${count === 1 ? 'card' : 'cards'} due ${inDaysEn(days)}.`,
  allHeading: (n: number) => `All cards (${n})`,
  notRated: 'new',
  cannotSave: 'Your ratings cannot be saved in this browser: they last until you leave the page.',
};

export type FlashcardStrings = typeof en;

export const fr: FlashcardStrings = {
  heading: (i, n) => `Carte ${i} sur ${n}`,
  where: (task, blank) => `Tâche ${task}, trou ${blank}`,
  intro: 'Rappelez-vous ce que contient le trou marqué, puis retournez la carte et dites si vous vous en souveniez bien.',
  gap: 'le trou à retrouver',
  turn: 'Voir la réponse',
  answer: 'Réponse',
  rateLegend: 'Vous en souveniez-vous ? (touches 1 à 4)',
  grades: ['À revoir', 'Difficile', 'Correct', 'Facile'],
  inDays: inDaysFr,
  rated: (grade, days) => `${grade} · à revoir ${inDaysFr(days)}`,
  doneHeading: 'Aucune carte à revoir',
  doneNext: (days, count) => `Ensuite : ${count} ${count === 1 ? 'carte' : 'cartes'} ${inDaysFr(days)}.`,
  allHeading: (n) => `Toutes les cartes (${n})`,
  notRated: 'nouvelle',
  cannotSave: 'Vos réponses ne peuvent pas être enregistrées dans ce navigateur : elles durent jusqu’à ce que vous quittiez la page.',
};
