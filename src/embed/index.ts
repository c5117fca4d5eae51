/**
 * The embed's public surface, and the only entry of dist/embed/codeblanks.js. Loading the script
 * defines <code-blanks> and sets `window.CodeBlanks` for pages that use classic scripts; everything a
 * host can call or type is exported here by name. See README.md, "Embedding".
 */
import { CodeBlanksElement } from './element.ts';
import { mount } from './mount.tsx';
import { HOST_EVENTS } from './host-events.ts';

export { mount, CodeBlanksElement, HOST_EVENTS };
export type { Handle, MountOptions, XapiOptions } from './mount.tsx';
export type { EmbedProgress, HostEvent, HostEventType, TaskReport } from './host-events.ts';
export type { XapiActor, XapiStatement, XapiActivity, XapiResult } from './xapi.ts';
export type { Theme, Mode } from './settings.ts';
export type { Strings } from '../i18n/table.ts';
export type {
  PlacedEvent,
  CheckedEvent,
  CheckRefusedEvent,
  HintEvent,
  TaskEndedEvent,
  SetCompletedEvent,
  BlankResult,
} from '../store/events.ts';
export type { SetScore } from '../engine/scoring.ts';

declare global {
  interface Window {
    CodeBlanks?: { readonly mount: typeof mount; readonly events: typeof HOST_EVENTS };
  }
  interface HTMLElementTagNameMap {
    'code-blanks': CodeBlanksElement;
  }
}

// A page that loads the script twice (two copies of a course widget) keeps the first definition.
if (typeof window !== 'undefined' && !customElements.get('code-blanks')) {
  customElements.define('code-blanks', CodeBlanksElement);
  window.CodeBlanks = { mount, events: HOST_EVENTS };
}
