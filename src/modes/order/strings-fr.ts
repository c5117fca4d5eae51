/** Line order's words in French: a chunk of its own, fetched with the mode for a page in French only. */
import { list, type Strings } from '../../i18n/table.ts';
import type { OrderStrings } from './strings.ts';

export const fr: OrderStrings = {
  pool: 'Lignes',
  program: 'Votre programme',
  instructions: 'Remettez les lignes dans l’ordre : glissez une ligne dans votre programme, ou choisissez une ligne, puis sa place.',
  poolLine: (text, joined) => (joined > 1 ? `${text} (${joined} lignes liées)` : text),
  slotEmpty: (slot) => `Ligne ${slot}, vide`,
  slotFilled: (slot, text) => `Ligne ${slot} : ${text}`,
  level: (level) => `retrait ${level}`,
  right: 'juste',
  wrong: 'faux',
  solution: 'solution',
  poolEmpty: 'Toutes les lignes sont dans votre programme.',
  up: 'Monter',
  down: 'Descendre',
  in: 'Augmenter le retrait',
  out: 'Diminuer le retrait',
  back: 'Renvoyer aux lignes',
  lineTools: (slot) => `Ligne ${slot}`,
  help: 'Simplifier',
  helped: (kind) => (kind === 'drop' ? 'Une ligne qui n’a pas sa place a été retirée.' : 'Deux lignes qui vont ensemble ont été liées.'),
  keys: 'Alt+Haut et Alt+Bas déplacent une ligne, Alt+Gauche et Alt+Droite changent son retrait, Suppr la renvoie.',
  sayPlaced: (text, slot) => `${text} : ligne ${slot}.`,
  sayRemoved: (text) => `${text} : renvoyée aux lignes.`,
  saySelected: (text) => `${text} sélectionnée ; choisissez une place dans votre programme.`,
  sayLevel: (text, level) => `${text} : retrait ${level}.`,
};

export const sharedFr: Partial<Strings> = {
  fillFirst: (slots) => `Remplissez ${slots.length === 1 ? 'la ligne' : 'les lignes'} ${list(slots, 'et')} de votre programme avant de vérifier.`,
  notYet: (wrong, left) => `${wrong} ${wrong === 1 ? 'ligne est fausse' : 'lignes sont fausses'}. Essais : ${left} ${left > 1 ? 'restants' : 'restant'}.`,
  solutionShown: 'La solution est affichée dans votre programme.',
  blankFilled: (slot) => `Ligne ${slot}`,
  sayChecked: (wrong, left, solved, failed) =>
    solved
      ? 'Juste ! Tâche résolue.'
      : `${wrong.length === 1 ? 'Ligne' : 'Lignes'} ${list(wrong, 'et')} ${wrong.length === 1 ? 'fausse' : 'fausses'}. Essais : ${left} ${left > 1 ? 'restants' : 'restant'}.${failed ? ' La solution est affichée.' : ''}`,
  sayRefused: (slots) => `Non vérifié : remplissez d’abord ${slots.length === 1 ? 'la ligne' : 'les lignes'} ${list(slots, 'et')}.`,
  sayPlaced: () => '',
  sayMoved: () => '',
  sayCleared: () => '',
};
