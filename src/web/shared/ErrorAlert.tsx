// A failed request's message above the form that sent it; nothing while there is no error.
import { Alert } from 'antd';
import { errorMessage } from '../request.ts';

export function ErrorAlert({ error, testId }: { error: Error | null; testId?: string }) {
  return error ? (
    <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(error)} data-testid={testId} />
  ) : null;
}
