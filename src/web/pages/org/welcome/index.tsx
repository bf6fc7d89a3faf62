// The workspace home (/org): greets the user with the unit, its level and role, and links to the pages they may open.
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { isOrgUser, useSession } from '../../../access.ts';
import { t } from '../../../locales/zh-CN.ts';
import { levelLabel } from '../../../shared/format.ts';
import { menuPages } from '../../../workspace-pages.tsx';

export default function WelcomePage() {
  const actor = useSession().data?.actor;
  if (!isOrgUser(actor)) return null;
  const pages = menuPages(actor.menu, actor.mustChangePassword);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t.welcome.greeting(actor.displayName)}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'unit', label: t.welcome.unit, children: actor.orgName },
          { key: 'code', label: t.welcome.code, children: actor.orgCode },
          { key: 'level', label: t.welcome.level, children: levelLabel(actor.orgLevel) },
          { key: 'role', label: t.welcome.role, children: t.roles[actor.role] },
        ]}
      />
      <Typography.Paragraph type="secondary">{t.welcome.hint}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {pages.map((page) => (
          <Col key={page.path} xs={24} sm={12} xl={8}>
            <Link to={`/org/${page.path}`}>
              <Card hoverable size="small">
                <span style={{ fontSize: 20, marginRight: 12, color: '#1d4f91' }}>{page.icon}</span>
                <Typography.Text strong>{page.label}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
