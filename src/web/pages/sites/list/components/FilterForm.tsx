// The collapsible filter form of the list (SPEC §8.1 1.1): values live in the URL, 查询 applies them, 重置 clears them.
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { LINK_HEALTH_LABELS } from '../../../../../domain/link-health.ts';
import { ORG_STATUS_FILTERS, REQUEST_TYPE_LABELS, RUN_STATUS_FILTERS } from '../../../../../shared/site-list.ts';
import type { OrgUserActor } from '../../../../access.ts';
import { t } from '../../../../locales/zh-CN.ts';
import type { PageParams } from '../../../../shared/use-page-params.ts';
import { FILTER_PARAMS, listChildOrgs } from '../api.ts';

const text = t.sites.filters;
const AREA_PARAMS = ['province', 'city', 'county'] as const;
type AreaParam = (typeof AREA_PARAMS)[number];
type FormValues = Record<string, string | boolean | undefined>;
type InputParam = 'name' | 'siteCode' | 'homeUrl' | 'sponsor';
type SelectParam = 'orgStatus' | 'isPortal' | 'isServicePlatform' | 'runStatus' | 'requestType' | 'linkHealth';
/** Always shown; the others behind 展开 (opened at once when one of them is set, e.g. by a link from 统计). */
const MAIN_PARAMS: readonly string[] = ['name', 'siteCode', 'orgStatus'];
const NOT_IN_FORM: readonly string[] = ['sort', 'order', 'waitingForMe'];

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const yesNo = [
  { value: 'true', label: t.sites.view.yes },
  { value: 'false', label: t.sites.view.no },
];

/** One cascading level: the units under `parent`, chosen by code. */
function AreaSelect({ name, parent }: { name: AreaParam; parent: string | undefined }) {
  const children = useQuery({
    queryKey: ['org-units', 'children', parent],
    queryFn: () => listChildOrgs(parent ?? ''),
    enabled: Boolean(parent),
    staleTime: 10 * 60_000,
  });
  return (
    <Form.Item name={name} label={text[name]}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={text.all}
        disabled={!parent}
        loading={children.isFetching}
        options={(children.data?.items ?? []).map((o) => ({ value: o.code, label: o.displayName }))}
      />
    </Form.Item>
  );
}

export function FilterForm({ actor, params }: { actor: OrgUserActor; params: PageParams }) {
  const [form] = Form.useForm<FormValues>();
  const [expanded, setExpanded] = useState(() =>
    FILTER_PARAMS.some((k) => !MAIN_PARAMS.includes(k) && !NOT_IN_FORM.includes(k) && params.get(k)),
  );
  const initial: FormValues = Object.fromEntries(FILTER_PARAMS.map((k) => [k, params.get(k)]));
  initial.includeDeleted = params.get('includeDeleted') === 'true';
  // The area levels below the caller's own: a county unit has none, the root all three.
  const areas = AREA_PARAMS.slice(Math.min(actor.orgLevel, 3));
  const watched = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const chosen: Record<AreaParam, string | undefined> = {
    province: watched(Form.useWatch('province', form)),
    city: watched(Form.useWatch('city', form)),
    county: undefined,
  };
  const parentOf = (i: number): string | undefined => {
    if (i === 0) return actor.orgCode;
    const above = areas[i - 1];
    return above ? chosen[above] : undefined;
  };

  const apply = (values: FormValues) => {
    const changes: Record<string, string | undefined> = {};
    for (const key of FILTER_PARAMS) {
      if (NOT_IN_FORM.includes(key)) continue;
      const value = values[key];
      changes[key] = typeof value === 'boolean' ? (value ? 'true' : undefined) : value?.trim() || undefined;
    }
    params.update(changes);
  };
  const reset = () => {
    form.setFieldsValue(Object.fromEntries(FILTER_PARAMS.map((k) => [k, undefined])));
    params.update(Object.fromEntries(FILTER_PARAMS.map((k) => [k, undefined])));
  };
  const clearBelow = (from: AreaParam) => {
    const below = AREA_PARAMS.slice(AREA_PARAMS.indexOf(from) + 1);
    form.setFieldsValue(Object.fromEntries(below.map((k) => [k, undefined])));
  };

  const col = (node: ReactNode, key: string) => (
    <Col key={key} xs={24} sm={12} lg={8} xl={6}>
      {node}
    </Col>
  );
  /** A text to search for. */
  const inputCol = (name: InputParam, maxLength: number, placeholder?: string) =>
    col(
      <Form.Item name={name} label={text[name]}>
        <Input allowClear maxLength={maxLength} placeholder={placeholder} />
      </Form.Item>,
      name,
    );
  /** A choice of one value or 全部 (no filter). */
  const selectCol = (name: SelectParam, choices: { value: string; label: string }[]) =>
    col(
      <Form.Item name={name} label={text[name]}>
        <Select allowClear placeholder={text.all} options={choices} />
      </Form.Item>,
      name,
    );
  const main = [
    inputCol('name', 100),
    inputCol('siteCode', 10, text.siteCodePlaceholder),
    selectCol('orgStatus', options(ORG_STATUS_FILTERS)),
  ];
  const more = [
    inputCol('homeUrl', 200),
    inputCol('sponsor', 100),
    ...areas.map((name, i) => col(<AreaSelect name={name} parent={parentOf(i)} />, name)),
    selectCol('isPortal', yesNo),
    selectCol('isServicePlatform', yesNo),
    selectCol('runStatus', options(RUN_STATUS_FILTERS)),
    selectCol('requestType', options(REQUEST_TYPE_LABELS)),
    selectCol('linkHealth', options(LINK_HEALTH_LABELS)),
    col(
      <Form.Item name="includeDeleted" valuePropName="checked" label=" " colon={false}>
        <Checkbox>{text.includeDeleted}</Checkbox>
      </Form.Item>,
      'includeDeleted',
    ),
  ];

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={apply}
      onValuesChange={(changed: FormValues) => {
        for (const key of AREA_PARAMS) if (key in changed) clearBelow(key);
      }}
      style={{ background: '#fff', padding: '16px 16px 0', borderRadius: 8, marginBottom: 16 }}
    >
      <Row gutter={16}>
        {main}
        {expanded ? more : null}
        <Col
          xs={24}
          sm={expanded ? 24 : 12}
          lg={expanded ? 24 : 8}
          xl={expanded ? 24 : 6}
          style={{ textAlign: 'right' }}
        >
          <Form.Item label={expanded ? undefined : ' '} colon={false}>
            <Button type="primary" htmlType="submit">
              {text.search}
            </Button>
            <Button style={{ marginInlineStart: 8 }} onClick={reset}>
              {text.reset}
            </Button>
            <Button type="link" onClick={() => setExpanded(!expanded)}>
              {expanded ? text.collapse : text.expand} {expanded ? <UpOutlined /> : <DownOutlined />}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
