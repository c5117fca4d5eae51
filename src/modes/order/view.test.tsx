// Line order on the seed set, as a learner with a mouse or a keyboard meets it, named as a screen reader names it.
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { MODES } from '../../engine/modes.ts';
import { ExerciseProvider } from '../../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../../hooks/use-exercise-instance.ts';
import { ModeViewProvider } from '../../components/mode-view.tsx';
import { SetView } from '../../components/set-view.tsx';
import { en } from '../../i18n/strings.ts';
import { fr } from '../../i18n/fr.ts';
import { loadModeChunk } from '../registry.ts';
import { SEED_SET } from '../../test-support/fixtures.tsx';
import { memoryStorage } from '../../test-support/memory-storage.ts';
import { interaction, view } from './view.tsx';

function renderOrder(storage = memoryStorage()) {
  function Page() {
    const store = useExerciseInstance(SEED_SET, { storage, rules: MODES.order, interaction });
    return (
      <ExerciseProvider store={store} strings={{ ...en, ...view.strings?.('en') }}>
        <ModeViewProvider value={view}>
          <SetView />
        </ModeViewProvider>
      </ExerciseProvider>
    );
  }
  const user = userEvent.setup();
  const rendered = render(<Page />);
  return { user, storage, unmount: rendered.unmount };
}

const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const slot = (n: number, s: number) => within(task(n)).getByRole('button', { name: new RegExp(`^Line ${s}\\b`) });
const line = (n: number, text: string) => within(within(task(n)).getByRole('group', { name: 'Lines' })).getByRole('button', { name: text });
const button = (n: number, name: string) => within(task(n)).getByRole('button', { name });
const buttonOrNull = (n: number, name: string) => within(task(n)).queryByRole('button', { name });

const TASK1 = ['POST /oauth2/token HTTP/1.1', 'Host: authorization-server.com', 'Content-Type: application/x-www-form-urlencoded', 'grant_type=client_credentials&client_id=YOUR_CLIENT_ID&client_secret=YOUR_CLIENT_SECRET'];
const DISTRACTOR1 = 'grant_type=authorization_code&client_id=YOUR_CLIENT_ID&client_secret=YOUR_CLIENT_SECRET';

async function putAll(user: UserEvent, n: number, texts: readonly string[]) {
  for (const [i, text] of texts.entries()) {
    await user.click(line(n, text));
    await user.click(slot(n, i + 1));
  }
}

describe('line order on the seed set', () => {
  it('leaves out the one-line task: four tasks of five', () => {
    renderOrder();
    expect(screen.getAllByRole('region', { name: /^Task \d$/ })).toHaveLength(4);
    expect(screen.queryByRole('region', { name: 'Task 5' })).toBeNull();
  });

  it('a line, then a place: the place holds the line, and the line leaves the pool', async () => {
    const { user } = renderOrder();
    expect(slot(1, 1)).toHaveAccessibleName('Line 1, empty');
    await user.click(line(1, TASK1[1]!));
    expect(line(1, TASK1[1]!)).toHaveAttribute('aria-pressed', 'true');
    await user.click(slot(1, 1));
    expect(slot(1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[1]}`);
    expect(within(task(1)).queryByRole('button', { name: TASK1[1] })).toBeNull();
    // A line put on a filled place goes before it.
    await user.click(line(1, TASK1[0]!));
    await user.click(slot(1, 1));
    expect(slot(1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[0]}`);
    expect(slot(1, 2)).toHaveAccessibleName(`Line 2: ${TASK1[1]}`);
  });

  it('a placed line, once selected, moves down, up and back to the pool with its buttons', async () => {
    const { user } = renderOrder();
    await putAll(user, 1, TASK1.slice(0, 2));
    await user.click(slot(1, 1));
    await user.click(button(1, 'Move down'));
    expect(slot(1, 2)).toHaveAccessibleName(`Line 2: ${TASK1[0]}`);
    await user.click(button(1, 'Move up'));
    expect(slot(1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[0]}`);
    await user.click(button(1, 'Back to Lines'));
    expect(slot(1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[1]}`);
    expect(line(1, TASK1[0]!)).toBeInTheDocument();
  });

  it('keys: Alt+Down moves the focused line and the focus follows it; Delete sends it back', async () => {
    const { user } = renderOrder();
    await putAll(user, 1, TASK1.slice(0, 3));
    slot(1, 1).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(slot(1, 2)).toHaveAccessibleName(`Line 2: ${TASK1[0]}`);
    expect(slot(1, 2)).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(slot(1, 3)).toHaveAccessibleName('Line 3, empty');
    expect(line(1, TASK1[0]!)).toBeInTheDocument();
  });

  it('refuses a check while places are empty, in lines, not blanks', async () => {
    const { user } = renderOrder();
    await putAll(user, 1, TASK1.slice(0, 1));
    await user.click(button(1, 'Check'));
    expect(within(task(1)).getByRole('alert')).toHaveTextContent('Fill lines 2, 3 and 4 of your program before checking.');
  });

  it('solves a task in solution order', async () => {
    const { user } = renderOrder();
    await putAll(user, 1, TASK1);
    await user.click(button(1, 'Check'));
    expect(within(task(1)).getByText('Correct')).toBeInTheDocument();
    expect(slot(1, 4)).toHaveAccessibleName(`Line 4: ${TASK1[3]}, right`);
  });

  it('a wrong check marks each place, names the mistake the distractor makes, and Make it easier removes that distractor', async () => {
    const { user } = renderOrder();
    await putAll(user, 1, [...TASK1.slice(0, 3), DISTRACTOR1]);
    expect(buttonOrNull(1, 'Make it easier')).toBeNull();
    await user.click(button(1, 'Check'));
    expect(slot(1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[0]}, right`);
    expect(slot(1, 4)).toHaveAccessibleName(`Line 4: ${DISTRACTOR1}, wrong`);
    expect(within(task(1)).getByText(/1 line is wrong/)).toBeInTheDocument();
    expect(within(task(1)).getByText(/Using 'authorization_code' instead/)).toBeInTheDocument();
    await user.click(button(1, 'Make it easier'));
    expect(slot(1, 4)).toHaveAccessibleName('Line 4, empty');
    expect(within(task(1)).queryByRole('button', { name: DISTRACTOR1 })).toBeNull();
    expect(within(task(1)).getByText('A line that belongs nowhere was taken away.')).toBeInTheDocument();
    // No distractor is left: the next help joins the first two neighbouring lines the answer does not
    // have right (Host and Content-Type: the Host line is right where it is, Content-Type is not); they
    // go back to the pool as one block. Task 1 has four lines: one join leaves three blocks, and no more help.
    await user.click(line(1, TASK1[3]!));
    await user.click(slot(1, 4));
    await user.click(slot(1, 4));
    await user.click(button(1, 'Move up'));
    await user.click(button(1, 'Check'));
    await user.click(button(1, 'Make it easier'));
    expect(within(task(1)).getByText('Two lines that belong together were joined.')).toBeInTheDocument();
    expect(within(task(1)).getByRole('button', { name: `${TASK1[1]} / ${TASK1[2]} (2 lines joined)` })).toBeInTheDocument();
    expect(buttonOrNull(1, 'Make it easier')).toBeNull();
  });

  it('Python lines take an indent: the buttons and Alt+Right set it, and a wrong indent is wrong', async () => {
    const { user } = renderOrder();
    const lines = ["response = '{\"access_token\": \"abc123\", \"token_type\": \"Bearer\"}'", 'data = json.loads(response)', 'access_token = data["access_token"]'];
    await putAll(user, 3, lines);
    expect(slot(3, 1)).toHaveAccessibleName(`Line 1: ${lines[0]}, indent 0`);
    slot(3, 2).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(slot(3, 2)).toHaveAccessibleName(`Line 2: ${lines[1]}, indent 1`);
    await user.click(button(3, 'Check'));
    expect(slot(3, 2)).toHaveAccessibleName(`Line 2: ${lines[1]}, indent 1, wrong`);
    await user.click(slot(3, 2));
    await user.click(button(3, 'Outdent'));
    await user.click(button(3, 'Check'));
    expect(within(task(3)).getByText('Correct')).toBeInTheDocument();
  });

  it('keeps the arrangement when the page is opened again', async () => {
    const storage = memoryStorage();
    const first = renderOrder(storage);
    await putAll(first.user, 1, TASK1.slice(0, 2));
    first.unmount();
    renderOrder(storage);
    expect(slot(1, 2)).toHaveAccessibleName(`Line 2: ${TASK1[1]}`);
  });
});

describe('line order in French', () => {
  it('is loaded with its French words, a chunk of their own, and says them', async () => {
    const module = await loadModeChunk('order', 'fr');
    function Page() {
      const store = useExerciseInstance(SEED_SET, { storage: memoryStorage(), rules: MODES.order, interaction: module.interaction });
      return (
        <ExerciseProvider store={store} strings={{ ...fr, ...module.view.strings?.('fr') }}>
          <ModeViewProvider value={module.view}>
            <SetView />
          </ModeViewProvider>
        </ExerciseProvider>
      );
    }
    render(<Page />);
    const first = screen.getByRole('region', { name: 'Tâche 1' });
    expect(within(first).getByRole('group', { name: 'Lignes' })).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Ligne 1, vide' })).toBeInTheDocument();
    expect(screen.getByText(/^Ordre des lignes · 4 tâches/)).toBeInTheDocument();
  });
});
