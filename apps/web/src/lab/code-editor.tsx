"use client";

import { javascript } from "@codemirror/lang-javascript";
import { Compartment, EditorState } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import type { LabLanguage } from "@margin/db";
import { basicSetup, EditorView } from "codemirror";
import { useEffect, useRef } from "react";

interface Props {
  value: string;
  language: LabLanguage;
  label: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** Ctrl/Cmd-Enter. */
  onRun?: () => void;
}

const MONO = `ui-monospace, "SFMono-Regular", "Cascadia Code", "DejaVu Sans Mono", monospace`;

const theme = EditorView.theme({
  "&": { fontSize: "14px", border: "1px solid var(--ml-border)", borderRadius: "8px", background: "#fff" },
  "&.cm-focused": { outline: "2px solid var(--ml-focus)", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: MONO, minHeight: "420px" },
  ".cm-gutters": {
    background: "var(--ml-surface-muted, #f6f7f9)",
    borderRight: "1px solid var(--ml-border)",
  },
});

/**
 * CodeMirror 6 (line numbers, highlighting, undo, search, bracket matching). The document is owned by
 * the editor; `value` only seeds it and replaces it when it changes from outside (e.g. a restore).
 */
export function CodeEditor({ value, language, label, readOnly = false, onChange, onRun }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                callbacks.current.onRun?.();
                return true;
              },
            },
          ]),
          basicSetup,
          EditorView.lineWrapping,
          theme,
          languageSlot.current.of(javascript({ typescript: language === "typescript" })),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({
      effects: languageSlot.current.reconfigure(javascript({ typescript: language === "typescript" })),
    });
  }, [language]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className="ml-lab-editor" />;
}
