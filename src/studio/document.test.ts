import { blankSelection } from '../engine/authoring.ts';
import { loadExerciseSet } from '../engine/load-set.ts';
import { addTaskText, diff, editTask, newSetText, taskNames, type TextChange } from './document.ts';

const applyChange = (text: string, { from, to, insert }: TextChange) => text.slice(0, from) + insert + text.slice(to);

describe('the studio document', () => {
  it('diff gives the smallest replacement that turns one text into the other', () => {
    expect(diff('abcdef', 'abXYef')).toEqual({ from: 2, to: 4, insert: 'XY' });
    expect(diff('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' });
    expect(applyChange('hello world', diff('hello world', 'hello, brave world'))).toBe('hello, brave world');
  });

  it('starts a set from pasted code, blanks it and adds tasks without a bracket typed, and the result loads', () => {
    let text = newSetText('x = a + b', 'python');
    const edit = editTask(text, 0, (t) => blankSelection(t, 0, 6, 7));
    if (!edit.ok) throw new Error(edit.reason);
    expect(edit.blank).toBe(1);
    text = applyChange(text, edit.change);
    const added = addTaskText(text, 'print(x)', 'python');
    if (!added.ok) throw new Error(added.reason);
    text = applyChange(text, added.change);
    expect(taskNames(text)).toEqual(['task-1', 'task-2']);
    const second = editTask(text, 1, (t) => blankSelection(t, 0, 0, 5));
    if (!second.ok) throw new Error(second.reason);
    text = applyChange(text, second.change);
    const loaded = loadExerciseSet(JSON.parse(text));
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.set.tasks.map((t) => t.answers)).toEqual([{ '1': '+' }, { '1': 'print' }]);
  });

  it('refuses to edit a task whose JSON it cannot read', () => {
    expect(editTask('{"tasks": [{"code": 3}]}', 0, (t) => ({ ok: true, task: t }))).toEqual({
      ok: false,
      reason: 'Fix the JSON of this task first: its code, options and answers must be readable',
    });
    expect(addTaskText('not json', 'x', 'python')).toMatchObject({ ok: false });
  });
});
