/** Pick's own words, in this mode's chunk: the practice page pays nothing for them. */
const en = {
  instructions: 'Choose the missing code for each blank from its list.',
  blank: (b: number) => `Blank ${b}`,
  /** The empty first entry of every list. */
  choose: 'Choose…',
};

const fr: typeof en = {
  instructions: 'Choisissez dans la liste de chaque trou le code qui manque.',
  blank: (b) => `Trou ${b}`,
  choose: 'Choisir…',
};

export const strings = { en, fr };
