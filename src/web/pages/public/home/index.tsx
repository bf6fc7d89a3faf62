// The public home page: 新增网站 and 查询进度 for applicants, and the login card for 组织单位 and 填报单位.
import { FileAddOutlined, InfoCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { clearLoginNotice, peekLoginNotice, useSession } from '../../../access.ts';
import { t } from '../../../locales/zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import { OrgLoginForm } from './components/OrgLoginForm.tsx';
import { SignedInPanel } from './components/SignedInPanel.tsx';
import { SiteLoginForm } from './components/SiteLoginForm.tsx';

function LoginCard() {
  const session = useSession();
  // Read once when the page opens; cleared so that a later visit does not repeat it.
  const [notice] = useState(peekLoginNotice);
  useEffect(() => clearLoginNotice(), []);
  const actor = session.data?.actor;
  return (
    <Card title={t.home.loginTitle} loading={session.isPending} style={{ height: '100%' }}>
      {actor && actor.kind !== 'ANONYMOUS' ? (
        <SignedInPanel actor={actor} />
      ) : (
        <>
          {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 8 }} />}
          <Tabs
            items={[
              { key: 'org', label: t.home.tabOrg, children: <OrgLoginForm /> },
              { key: 'site', label: t.home.tabSite, children: <SiteLoginForm /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}

export default function HomePage() {
  return (
    <PublicFrame>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={24}>
            <div style={{ paddingTop: 8 }}>
              <Typography.Title style={{ marginTop: 0, marginBottom: 8, fontSize: 30 }}>
                {t.home.title}
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 16 }}>
                {t.home.subtitle}
              </Typography.Text>
            </div>
            <Card title={t.home.applyTitle}>
              <Typography.Paragraph type="secondary">{t.home.applyText}</Typography.Paragraph>
              <Flex gap={12} wrap>
                <LinkButton type="primary" size="large" icon={<FileAddOutlined />} to="/apply">
                  {t.home.apply}
                </LinkButton>
                <LinkButton size="large" icon={<SearchOutlined />} to="/progress">
                  {t.home.progress}
                </LinkButton>
              </Flex>
            </Card>
            <Card size="small" styles={{ body: { padding: '12px 16px' } }}>
              <Flex vertical gap={6}>
                {t.home.notes.map((note) => (
                  <Typography.Text key={note} type="secondary">
                    <InfoCircleOutlined style={{ marginRight: 8 }} />
                    {note}
                  </Typography.Text>
                ))}
              </Flex>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <LoginCard />
        </Col>
      </Row>
    </PublicFrame>
  );
}
