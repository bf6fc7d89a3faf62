// Pieces of the 审核 dialogs: the form with its decision mutation, the 通过 / 退回 choice, each enabled by the row's
// abilities, the mandatory 退回 reason, and the decision's error under the form.
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Radio } from 'antd';
import { errorMessage } from '../request.ts';
import { useNotify } from './notify.tsx';

interface Ability {
  allowed: boolean;
}

export function DecisionField({
  text,
  abilities,
}: {
  text: { decision: string; approve: string; return: string };
  abilities: { approve: Ability; return: Ability } | undefined;
}) {
  return (
    <Form.Item name="decision" label={text.decision} rules={[{ required: true }]}>
      <Radio.Group>
        <Radio value="approve" disabled={!abilities?.approve.allowed}>
          {text.approve}
        </Radio>
        <Radio value="return" disabled={!abilities?.return.allowed}>
          {text.return}
        </Radio>
      </Radio.Group>
    </Form.Item>
  );
}

export function DecisionError({ error }: { error: Error | null }) {
  return error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(error)} /> : null;
}

/**
 * A 审核 dialog's form and decision: after a decision the toast `success(values)` and the dialog closes; whatever
 * happened (also a conflict), the lists under `invalidate` are fetched again to show the rows as they are now.
 * `close` clears the error and the form before `onClose`.
 */
export function useReviewDialog<V extends object>({
  onClose,
  mutationFn,
  success,
  invalidate,
}: {
  onClose: () => void;
  mutationFn: (values: V) => Promise<unknown>;
  success: (values: V) => string;
  invalidate: QueryKey[];
}) {
  const [form] = Form.useForm<V>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const close = () => {
    review.reset();
    form.resetFields();
    onClose();
  };
  const review = useMutation({
    meta: { inlineError: true },
    mutationFn,
    onSuccess: (_result, values) => {
      notify.success(success(values));
      close();
    },
    onSettled: () => Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
  return { form, review, close };
}

/** The 退回 reason: required, not blank, at most 500 characters. */
export function ReturnReasonField({
  text,
  rows,
}: {
  text: { reason: string; reasonRequired: string; reasonPlaceholder: string };
  rows: number;
}) {
  return (
    <Form.Item
      name="reason"
      label={text.reason}
      rules={[
        { required: true, whitespace: true, message: text.reasonRequired },
        { max: 500, message: text.reasonRequired },
      ]}
    >
      <Input.TextArea rows={rows} maxLength={500} showCount placeholder={text.reasonPlaceholder} />
    </Form.Item>
  );
}
