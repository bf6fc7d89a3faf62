// The frame of the public pages (home, apply, progress, site placeholder, 404): a title band, centred content, a footer.
import { SearchOutlined } from '@ant-design/icons';
import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../locales/zh-CN.ts';
import { BrandMark } from './BrandMark.tsx';

export function PublicFrame({
  children,
  extra,
  maxWidth = 1120,
}: {
  children: ReactNode;
  extra?: ReactNode;
  maxWidth?: number;
}) {
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #e8eef8 0%, #f3f5f9 320px)' }}>
      <Layout.Header style={{ background: '#1d4f91', paddingInline: 16, height: 56, lineHeight: '56px' }}>
        <Flex align="center" justify="space-between" style={{ maxWidth, margin: '0 auto', height: '100%' }}>
          <Link to="/" style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
            <BrandMark />
            <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t.app.name}</span>
          </Link>
          {extra}
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px', width: '100%', maxWidth: maxWidth + 32, margin: '0 auto' }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent' }}>
        <Typography.Text type="secondary">{t.app.footer}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}

/** 「查询进度」 at the top right of the 新增网站 pages (manual §一.4), beside the title band. */
export function ProgressLink() {
  return (
    <Link to="/progress" style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="header-progress-link">
      <SearchOutlined style={{ marginInlineEnd: 6 }} />
      {t.home.progress}
    </Link>
  );
}
