// 审核单位及联系方式: which unit reviews the site's requests and how to reach it (SPEC §7.2 "tell the 填报单位 whom to
// notify", §3.6).
import { Card, Descriptions, Typography } from 'antd';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import type { SiteHome } from '../api.ts';

const text = sw.home;
type OrgContact = SiteHome['reviewers']['modification'];

function people(org: OrgContact): string {
  const persons = [
    ...(org.principal ? [{ role: text.principal, ...org.principal }] : []),
    ...org.contacts.map((c) => ({ role: text.contact, ...c })),
  ];
  return persons
    .map((p) => [`${p.role}：${p.name}`, p.officePhone, p.mobile, p.email].filter(Boolean).join('　'))
    .join('\n');
}

export function ReviewersCard({ home }: { home: SiteHome }) {
  const { modification, portal } = home.reviewers;
  const portalFor = home.site.isPortal ? text.reviewerFor.portalOff : text.reviewerFor.portalOn;
  const rows = [
    { key: 'modification', label: text.reviewerFor.modification, org: modification },
    { key: 'portal', label: portalFor, org: portal },
  ];
  return (
    <Card size="small" title={text.reviewersTitle} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {text.reviewerHint}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 260 } }}
        items={rows.map((r) => ({
          key: r.key,
          label: r.label,
          children: (
            <>
              <Typography.Text strong>
                {r.org.name}（{r.org.relation}组织单位，{r.org.code}）
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-line', color: 'rgba(0,0,0,0.65)', fontSize: 13, marginTop: 4 }}>
                {people(r.org)}
              </div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
