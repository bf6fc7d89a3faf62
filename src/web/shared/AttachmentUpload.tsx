// An attachment field's upload button: each chosen file is checked for size, then uploaded at once by `upload`;
// the list (with each file's answer as `response`) stays with the form that sends the ids.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { errorMessage } from '../request.ts';
import { useNotify } from './notify.tsx';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export function AttachmentUpload(props: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  upload: (file: File) => Promise<unknown>;
  accept: string;
  maxCount: number;
  multiple?: boolean;
  /** Shown when a file is over ATTACHMENT_MAX_BYTES. */
  tooLarge: string;
  label: string;
}) {
  const notify = useNotify();
  return (
    <Upload
      fileList={props.files}
      maxCount={props.maxCount}
      multiple={props.multiple}
      accept={props.accept}
      beforeUpload={(file) => {
        if (file.size > ATTACHMENT_MAX_BYTES) {
          notify.error(props.tooLarge);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        props
          .upload(file as File)
          .then((a) => onSuccess?.(a))
          .catch((e: unknown) => {
            notify.error(errorMessage(e));
            onError?.(e instanceof Error ? e : new Error(errorMessage(e)));
          });
      }}
      onChange={({ fileList }) => props.onChange(fileList)}
    >
      <Button icon={<UploadOutlined />}>{props.label}</Button>
    </Upload>
  );
}
