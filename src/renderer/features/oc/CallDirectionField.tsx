import { useT } from '../../app/services';
import { Field, Select } from '../../components/Field';

export type CallDirection = 'inbound' | 'outbound';

/** Inbound or outbound: the call log's direction, in the OC's call dialog and on the phone screen. */
export const CallDirectionField = ({ value, onChange }: { value: CallDirection; onChange: (direction: CallDirection) => void }) => {
  const { t } = useT();
  return (
    <Field label={t('call.direction')}>
      {(id) => (
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value as CallDirection)}>
          <option value="inbound">{t('call.inbound')}</option>
          <option value="outbound">{t('call.outbound')}</option>
        </Select>
      )}
    </Field>
  );
};
