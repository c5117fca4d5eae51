// The site's lazy parts (chunk.tsx): fetched once, drawn with the props of each render.
import { render, screen } from '@testing-library/react';
import { Chunk } from './chunk.tsx';

const part = { Said: ({ text }: { text: string }) => <p>{text}</p> };

describe('Chunk', () => {
  it('says it is loading, then draws the part; a new render draws it with the new props, without fetching again', async () => {
    let fetched = 0;
    const load = () => {
      fetched += 1;
      return Promise.resolve(part);
    };
    const { rerender } = render(<Chunk load={load} show={(m) => <m.Said text="first problem" />} />);
    expect(screen.getByText('Loading…')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('first problem')).toBeInTheDocument();
    rerender(<Chunk load={load} show={(m) => <m.Said text="second problem" />} />);
    expect(screen.getByText('second problem')).toBeInTheDocument();
    expect(screen.queryByText('first problem')).toBeNull();
    expect(fetched).toBe(1);
  });

  it('says in place that the page could not be shown when its chunk cannot be fetched', async () => {
    render(<Chunk load={() => Promise.reject(new Error('offline'))} show={() => <p>never</p>} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be shown.');
    expect(screen.queryByText('never')).toBeNull();
  });

  it("says it in the part's own words when the part gives them (Today's export and import)", async () => {
    render(<Chunk load={() => Promise.reject(new Error('offline'))} show={() => <p>never</p>} failed={<p>Export and import could not be loaded.</p>} />);
    expect(await screen.findByText('Export and import could not be loaded.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
