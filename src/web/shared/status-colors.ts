// Tag colours of 申报状态, one table for every list that shows it (网站列表, 下线审核). Keyed by the domain's labels,
// which are the text the API sends, so a label changes in one place.
import { STATUS_LABELS } from '../../domain/status-labels.ts';

const ORG_STATUS_COLORS: Readonly<Record<string, string>> = {
  [STATUS_LABELS.notSubmitted]: 'gold',
  [STATUS_LABELS.notReviewed]: 'orange',
  [STATUS_LABELS.inReview]: 'blue',
  [STATUS_LABELS.reviewed]: 'cyan',
  [STATUS_LABELS.done]: 'green',
  [STATUS_LABELS.returned]: 'red',
  [STATUS_LABELS.modificationPendingOrg]: 'purple',
  [STATUS_LABELS.modificationReturned]: 'red',
};

/** The antd Tag colour of a 申报状态 label; 'default' for any other text. */
export const orgStatusColor = (label: string): string => ORG_STATUS_COLORS[label] ?? 'default';
