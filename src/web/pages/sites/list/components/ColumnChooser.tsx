// 列设置 of the site list: which columns to show, remembered per user in this browser (localStorage), with the
// level's defaults one click away.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { t } from '../../../../locales/zh-CN.ts';
import {
  COLUMN_TITLES,
  defaultColumns,
  REQUIRED_COLUMNS,
  SITE_LIST_COLUMNS,
  type SiteListColumn,
} from '../columns.tsx';

const text = t.sites.columnChooser;
const storageKey = (userId: number) => `govsite.sites.columns.${userId}`;

function readStored(userId: number): SiteListColumn[] | null {
  try {
    const raw = window.localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return null;
    const keys = SITE_LIST_COLUMNS.filter((key) => parsed.includes(key));
    return keys.length > 0 ? keys : null;
  } catch {
    // Storage disabled or a corrupt value: the defaults serve.
    return null;
  }
}

/** The chosen columns of this user (the level's defaults until they choose), and a setter that remembers them. */
export function useSiteColumns(
  userId: number,
  orgLevel: number,
): [SiteListColumn[], (keys: SiteListColumn[] | null) => void] {
  const [keys, setKeys] = useState<SiteListColumn[]>(() => readStored(userId) ?? defaultColumns(orgLevel));
  const choose = useCallback(
    (next: SiteListColumn[] | null) => {
      try {
        if (next === null) window.localStorage.removeItem(storageKey(userId));
        else window.localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Not remembered, still applied.
      }
      setKeys(next ?? defaultColumns(orgLevel));
    },
    [userId, orgLevel],
  );
  return [keys, choose];
}

export function ColumnChooser({
  value,
  onChange,
}: {
  value: SiteListColumn[];
  onChange: (keys: SiteListColumn[] | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const content = (
    <Flex vertical gap={8} style={{ width: 200 }} data-testid="column-chooser">
      <Checkbox.Group
        value={value}
        onChange={(checked) => onChange(SITE_LIST_COLUMNS.filter((key) => checked.includes(key)))}
      >
        <Flex vertical gap={4}>
          {SITE_LIST_COLUMNS.map((key) => (
            <Checkbox key={key} value={key} disabled={REQUIRED_COLUMNS.has(key)}>
              {COLUMN_TITLES[key]}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text.remembered}
      </Typography.Text>
      <Button size="small" onClick={() => onChange(null)}>
        {text.reset}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} title={text.title} trigger="click" open={open} onOpenChange={setOpen}>
      <Tooltip title={open ? undefined : text.title}>
        <Button icon={<SettingOutlined />} aria-label={text.title} />
      </Tooltip>
    </Popover>
  );
}
