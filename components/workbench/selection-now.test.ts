// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { selectionNow } from './selection-now';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.innerHTML = '';
});

function mount(html: string): Editor {
  const element = document.createElement('div');
  document.body.appendChild(element);
  editor = new Editor({ element, extensions: [StarterKit], content: html });
  return editor;
}

function selectDom(node: Node, start: number, end: number, backwards = false) {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  if (backwards) {
    selection.collapse(node, end);
    selection.extend(node, start);
  } else {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    selection.addRange(range);
  }
}

describe('selectionNow', () => {
  it('reads the browser selection before the editor has caught up with it', () => {
    const e = mount('<p>Hello big world</p>');
    const text = e.view.dom.querySelector('p')!.firstChild!;
    selectDom(text, 6, 9);
    // The editor's own selection is still where it was (no selectionchange handled yet).
    expect(e.state.selection.empty).toBe(true);
    expect(selectionNow(e)).toEqual({ from: 7, to: 10, empty: false });
  });

  it('orders a backwards selection', () => {
    const e = mount('<p>Hello big world</p>');
    selectDom(e.view.dom.querySelector('p')!.firstChild!, 6, 15, true);
    expect(selectionNow(e)).toEqual({ from: 7, to: 16, empty: false });
  });

  it('falls back to the editor selection when the browser selection is elsewhere', () => {
    const e = mount('<p>Hello big world</p>');
    const outside = document.createElement('p');
    outside.textContent = 'outside';
    document.body.appendChild(outside);
    selectDom(outside.firstChild!, 0, 3);
    e.commands.setTextSelection({ from: 2, to: 4 });
    expect(selectionNow(e)).toEqual({ from: 2, to: 4, empty: false });
  });
});
