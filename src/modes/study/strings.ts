/** Study's own words, English and French: in the mode's chunk, so the practice page pays nothing for them. */
export const en = {
  name: 'Study',
  studied: 'Studied',
  studiedOf: (s: number, t: number) => `${s} of ${t} studied`,
  instructions: 'Read the worked example. Then hide its answers one at a time and fill each blank again from the options.',
  example: 'Worked example',
  blank: (b: number) => `Blank ${b}`,
  yourTurn: 'Your turn: fill it from the options.',
  avoids: 'Avoids:',
  why: 'Why',
  step: (done: number, steps: number) => `Step ${done} of ${steps}: ${done} ${done === 1 ? 'blank is' : 'blanks are'} yours`,
  next: (b: number) => `Hide the next answer (blank ${b})`,
  finish: 'Finish studying this task',
  fillFirst: (b: readonly number[]) => `First fill ${b.length === 1 ? 'blank' : 'blanks'} ${b.join(', ')} with the right answer.`,
  sayFaded: (b: number) => `Blank ${b} is empty now: fill it from the options.`,
  sayRight: (b: number) => `Blank ${b}: right.`,
  sayWrong: (b: number) => `Blank ${b}: not this one. Try another option.`,
  sayStudied: 'Task studied: every blank filled by you.',
  right: 'right',
  wrong: 'not right yet',
  summaryScore: (s: number, t: number) => `${s} of ${t} tasks studied`,
  reviewTask: (n: number, done: boolean) => `Review task ${n} (${done ? 'studied' : 'not studied'})`,
};

export type StudyStrings = typeof en;

export const fr: StudyStrings = {
  name: 'Étude',
  studied: 'Étudiée',
  studiedOf: (s, t) => `${s} sur ${t} ${s > 1 ? 'étudiées' : 'étudiée'}`,
  instructions: 'Lisez l’exemple résolu. Puis masquez ses réponses une à une et remplissez à nouveau chaque trou avec les options.',
  example: 'Exemple résolu',
  blank: (b) => `Trou ${b}`,
  yourTurn: 'À vous : remplissez-le avec les options.',
  avoids: 'Évite :',
  why: 'Pourquoi',
  step: (done, steps) => `Étape ${done} sur ${steps} : ${done} ${done > 1 ? 'trous sont' : 'trou est'} à vous`,
  next: (b) => `Masquer la réponse suivante (trou ${b})`,
  finish: 'Terminer l’étude de cette tâche',
  fillFirst: (b) => `Remplissez d’abord ${b.length === 1 ? 'le trou' : 'les trous'} ${b.join(', ')} avec la bonne réponse.`,
  sayFaded: (b) => `Le trou ${b} est vide : remplissez-le avec les options.`,
  sayRight: (b) => `Trou ${b} : juste.`,
  sayWrong: (b) => `Trou ${b} : pas celle-ci. Essayez une autre option.`,
  sayStudied: 'Tâche étudiée : vous avez rempli tous les trous.',
  right: 'juste',
  wrong: 'pas encore juste',
  summaryScore: (s, t) => `${s} sur ${t} ${t > 1 ? 'tâches étudiées' : 'tâche étudiée'}`,
  reviewTask: (n, done) => `Revoir la tâche ${n} (${done ? 'étudiée' : 'pas étudiée'})`,
};

export const wordsFor = (lang: string): StudyStrings => (lang === 'fr' ? fr : en);
