// A small rich-text editor for notice bodies: a contenteditable area with bold/italic/underline, lists and links.
// What it produces is only a proposal: the server keeps the body after sanitize-html's allow-list.
import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';

const text = ot.notices.form;

export function RichTextEditor({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Only push outside changes (e.g. a reset) into the DOM: rewriting while typing would move the caret.
    if (ref.current && ref.current.innerHTML !== (value ?? '')) ref.current.innerHTML = value ?? '';
  }, [value]);
  const emit = () => onChange?.(ref.current?.innerHTML ?? '');
  const exec = (command: string, arg?: string) => {
    ref.current?.focus();
    // execCommand is deprecated but still the simplest editing primitive every browser supports.
    document.execCommand(command, false, arg);
    emit();
  };
  const tool = (title: string, icon: ReactNode, run: () => void) => (
    <Tooltip title={title}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={title}
        onMouseDown={(e) => e.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Space size={2} style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }} wrap>
        {tool(text.bold, <BoldOutlined />, () => exec('bold'))}
        {tool(text.italic, <ItalicOutlined />, () => exec('italic'))}
        {tool(text.underline, <UnderlineOutlined />, () => exec('underline'))}
        {tool(text.bullet, <UnorderedListOutlined />, () => exec('insertUnorderedList'))}
        {tool(text.numbered, <OrderedListOutlined />, () => exec('insertOrderedList'))}
        {tool(text.link, <LinkOutlined />, () => {
          const url = window.prompt(text.linkPrompt, 'https://');
          if (url && /^https?:\/\//i.test(url)) exec('createLink', url);
        })}
        {tool(text.clear, <ClearOutlined />, () => exec('removeFormat'))}
      </Space>
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text area cannot be a <textarea>; contenteditable + role is the ARIA pattern */}
      <div
        id={id}
        ref={ref}
        role="textbox"
        aria-multiline="true"
        aria-label={text.body}
        tabIndex={0}
        contentEditable
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        className="notice-body"
        style={{ minHeight: 180, maxHeight: 360, overflowY: 'auto', padding: '8px 12px', outline: 'none' }}
      />
    </div>
  );
}
