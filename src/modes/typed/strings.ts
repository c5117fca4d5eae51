/**
 * Type it's own words, in this mode's chunk: the practice page pays nothing for them. The blank's
 * state words (right, wrong, solution) and the card's are the shared table's.
 */
const en = {
  instructions: 'Type the missing code in each blank. Enter checks.',
  blank: (b: number) => `Blank ${b}`,
  /** A near miss, after a wrong check: still wrong, but told apart. */
  case: 'check the capitals',
  typo: 'one character off',
  sayNote: (b: number, note: string) => `Blank ${b}: ${note}.`,
};

const fr: typeof en = {
  instructions: 'Tapez le code manquant dans chaque trou. Entrée vérifie.',
  blank: (b) => `Trou ${b}`,
  case: 'vérifiez les majuscules',
  typo: 'à un caractère près',
  sayNote: (b, note) => `Trou ${b} : ${note}.`,
};

export const strings = { en, fr };
