// The loading indicator shown while a page's code or the session is being fetched.
import { Flex, Spin } from 'antd';
import { t } from '../locales/zh-CN.ts';

export function PageSpin({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin description={t.app.loading} />
    </Flex>
  );
}
