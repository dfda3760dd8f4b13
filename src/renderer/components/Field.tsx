import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** Label, control, and the message that explains what is wrong (every error a person can cause is explained). */
export const Field = ({
  label,
  hint,
  error,
  children,
  optional,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: string;
  /** The control, given its id, the id of what describes it, and the id of the label (for segmented date fields). */
  children: (id: string, describedBy: string | undefined, labelId: string) => ReactNode;
}) => {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint === undefined ? undefined : `${id}-hint`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} id={`${id}-label`} className="field-label">
        {label}
        {optional === undefined ? null : <span className="field-optional"> ({optional})</span>}
      </label>
      {children(id, describedBy, `${id}-label`)}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : hint === undefined ? null : (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
};

export const TextInput = (props: InputHTMLAttributes<HTMLInputElement>) => <input className="input" {...props} />;
export const TextArea = (props: TextareaHTMLAttributes<HTMLTextAreaElement>) => <textarea className="input textarea" {...props} />;
export const Select = (props: SelectHTMLAttributes<HTMLSelectElement>) => <select className="input select" {...props} />;

/** The error banner of a form: the core's message for what the person tried. */
export const FormError = ({ message }: { message: string | null }) =>
  message === null ? null : (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
