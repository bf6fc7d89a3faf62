// Picks one registered site of the caller's subtree (searched on the server, which also re-checks the choice).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { pickSites } from '../api.ts';

export function SitePicker(props: {
  value?: number;
  onChange?: (id: number) => void;
  initialLabel?: string;
  disabled?: boolean;
}) {
  const [q, setQ] = useState('');
  const sites = useQuery({
    queryKey: ['spot-checks', 'sites', q],
    queryFn: () => pickSites(q),
    enabled: !props.disabled,
  });
  const options = (sites.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${s.name}（${s.siteCode ?? ''}，${s.orgName}）`,
  }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value}
      onChange={props.onChange}
      options={options}
      loading={sites.isFetching}
      disabled={props.disabled}
      placeholder={ot.spotChecks.sitePlaceholder}
      aria-label={ot.spotChecks.site}
      style={{ width: '100%' }}
    />
  );
}
