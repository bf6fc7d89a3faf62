// 网站标识码核验 (public): the registered name, home URL, 主办单位, organizing unit and run status of a code, with a QR
// code that opens this page.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Result, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { t } from '../../../locales/zh-CN.ts';
import { LinkButton } from '../../../shared/LinkButton.tsx';
import { PageSpin } from '../../../shared/PageSpin.tsx';
import { PublicFrame } from '../../../shared/PublicFrame.tsx';
import { qrCodeUrl, verifySite } from './api.ts';

const text = t.verify;

export default function VerifyPage() {
  const siteCode = useParams().siteCode ?? '';
  const result = useQuery({ queryKey: ['verify', siteCode], queryFn: () => verifySite(siteCode) });

  let body: ReactNode;
  if (result.isPending) body = <PageSpin />;
  else if (!result.data) {
    body = (
      <Result
        status="warning"
        title={text.notFound}
        subTitle={text.notFoundSub}
        extra={<LinkButton to="/">{t.app.backHome}</LinkButton>}
      />
    );
  } else {
    const site = result.data;
    body = (
      <Row gutter={[24, 24]} align="middle">
        <Col xs={24} md={16}>
          <Alert
            type="success"
            showIcon
            icon={<SafetyCertificateOutlined />}
            title={text.registered}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            bordered
            size="middle"
            items={[
              {
                key: 'code',
                label: text.siteCode,
                children: (
                  <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
                    {site.siteCode}
                  </Typography.Text>
                ),
              },
              { key: 'name', label: text.name, children: site.name },
              {
                key: 'url',
                label: text.homeUrl,
                children: (
                  <a href={site.homeUrl} target="_blank" rel="noopener noreferrer nofollow">
                    {site.homeUrl}
                  </a>
                ),
              },
              { key: 'sponsor', label: text.sponsor, children: site.sponsorName || '—' },
              { key: 'org', label: text.org, children: site.orgName },
              { key: 'status', label: text.runStatus, children: site.runStatusLabel },
            ]}
          />
        </Col>
        <Col xs={24} md={8} style={{ textAlign: 'center' }}>
          <img src={qrCodeUrl(site.siteCode)} alt={text.qrAlt(site.siteCode)} width={200} height={200} />
          <Typography.Paragraph type="secondary">{text.qrHint}</Typography.Paragraph>
        </Col>
      </Row>
    );
  }
  return (
    <PublicFrame maxWidth={880}>
      <Card title={text.title}>{body}</Card>
    </PublicFrame>
  );
}
