// 填报时间设置 (root only): the year's 填报开始、填报截止 and 发布截止; the server checks the order and the range.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { wr } from '../../../locales/work-report.zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { getWindow, saveWindow, workReportKey } from '../api.ts';

const DAY = 'YYYY-MM-DD';
type Values = { fillFrom: Dayjs; fillTo: Dayjs; publishBy: Dayjs };

export function WindowSettings({ year }: { year: number }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const message = useNotify();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: [...workReportKey, 'window', year],
    queryFn: () => getWindow(year),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      saveWindow({
        year,
        fillFrom: v.fillFrom.format(DAY),
        fillTo: v.fillTo.format(DAY),
        publishBy: v.publishBy.format(DAY),
      }),
    onSuccess: () => {
      message.success(wr.windowForm.saved);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: workReportKey });
    },
    onError: (e) => message.error(errorMessage(e)),
    meta: { inlineError: true },
  });
  const w = current.data;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{wr.windowForm.open}</Button>
      <Modal
        open={open}
        title={wr.windowForm.title(year)}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ loading: save.isPending, disabled: !w }}
        onOk={() => form.validateFields().then((v) => save.mutate(v))}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {w && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ fillFrom: dayjs(w.fillFrom), fillTo: dayjs(w.fillTo), publishBy: dayjs(w.publishBy) }}
          >
            {(['fillFrom', 'fillTo', 'publishBy'] as const).map((k) => (
              <Form.Item
                key={k}
                name={k}
                label={wr.windowForm[k]}
                rules={[{ required: true, message: wr.windowForm.required }]}
              >
                <DatePicker format={DAY} />
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
