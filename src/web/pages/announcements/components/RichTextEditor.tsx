// The rich-text editor of notice bodies (TipTap): bold/italic/underline, lists and links, nothing else. What it
// produces is only a proposal: the server keeps the body after sanitize-html's allow-list (p, strong, em, u, s, ul,
// ol, li, a, br, blockquote, hr are the tags these extensions write). Loaded with the 发布通知 dialog, not the page.
import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space, Tooltip } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';

const text = ot.notices.form;

export default function RichTextEditor({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
}) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: false, protocols: ['http', 'https'] },
      }),
    ],
    content: value ?? '',
    editorProps: {
      attributes: {
        ...(id ? { id } : {}),
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': text.body,
        class: 'notice-body',
        style: 'min-height: 180px; max-height: 360px; overflow-y: auto; padding: 8px 12px; outline: none',
      },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  // Only push outside changes (e.g. the form's reset) into the editor: rewriting while typing would move the caret.
  useEffect(() => {
    if (!editor) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (current !== (value ?? '')) editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      numbered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });
  const tool = (title: string, icon: ReactNode, on: boolean, run: () => void) => (
    <Tooltip title={title}>
      <Button
        size="small"
        type={on ? 'primary' : 'text'}
        ghost={on}
        icon={icon}
        aria-label={title}
        aria-pressed={on}
        onMouseDown={(e) => e.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Space size={2} style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }} wrap>
        {tool(text.bold, <BoldOutlined />, active?.bold ?? false, () => chain().toggleBold().run())}
        {tool(text.italic, <ItalicOutlined />, active?.italic ?? false, () => chain().toggleItalic().run())}
        {tool(text.underline, <UnderlineOutlined />, active?.underline ?? false, () => chain().toggleUnderline().run())}
        {tool(text.bullet, <UnorderedListOutlined />, active?.bullet ?? false, () => chain().toggleBulletList().run())}
        {tool(text.numbered, <OrderedListOutlined />, active?.numbered ?? false, () =>
          chain().toggleOrderedList().run(),
        )}
        {tool(text.link, <LinkOutlined />, active?.link ?? false, () => {
          const url = window.prompt(text.linkPrompt, 'https://');
          if (url && /^https?:\/\//i.test(url)) chain().extendMarkRange('link').setLink({ href: url }).run();
        })}
        {tool(text.clear, <ClearOutlined />, false, () => chain().unsetAllMarks().clearNodes().run())}
      </Space>
      <EditorContent editor={editor} />
    </div>
  );
}
