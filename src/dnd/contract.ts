/**
 * The contract between what is dragged and where it lands. A draggable (an option in the bank, a filled
 * blank) and a drop target (a blank) carry these attributes, written and read only through this module:
 * the components spread `dragSource()` / `dropTarget()`, and the drag layer reads them back with
 * `sourceOf()` / `targetOf()`, so the two sides cannot drift apart on a name or a type.
 */

/** What a drag carries: the option, and the blank it was taken from (null from the bank). */
export interface DragSource {
  readonly option: string;
  readonly fromBlank: number | null;
}

/** The attributes of a button that can be dragged: an option, or a blank while it holds one it can give up. */
export const dragSource = (option: string | undefined): { 'data-option'?: string } => ({ 'data-option': option });

/** The attributes of a blank, which takes drops. */
export const dropTarget = (blank: number): { 'data-blank': number } => ({ 'data-blank': blank });

/** Selectors for the same attributes, for hit tests. An option that is turned off cannot be dragged. */
export const SOURCE = '[data-option]:not([aria-disabled="true"])';
export const TARGET = '[data-blank]';

/** The blank a drop target stands for. */
export const targetOf = (element: HTMLElement): number => Number(element.dataset.blank);

/** What a drag started on this button carries. */
export function sourceOf({ dataset }: HTMLElement): DragSource {
  return { option: dataset.option ?? '', fromBlank: dataset.blank ? +dataset.blank : null };
}
