import { ChevronDown } from "lucide-react";
import { useEffect, useId, useState, type ReactNode } from "react";
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  useFilter,
} from "react-aria-components";
import { useT } from "../../utils/use-t";
import { cn } from "./cn";
import { SelectField } from "./field";
import { Icon } from "./icon";

type Option = { value: string; label: string };

/**
 * A select with type-ahead ("Deu" finds Deutschland among 250 countries) that enhances a native
 * <select>: the server renders the <select> (SelectField: label, hint and error wired by id), which
 * is what a browser without JavaScript submits. After hydration it is replaced by a React Aria
 * ComboBox (a labelled combobox with a listbox popup, keyboard and screen-reader support) whose
 * hidden input carries the same `name` and the chosen option's value — the server sees no
 * difference.
 */
export function ComboBoxField({
  label,
  name,
  options,
  defaultValue = "",
  hint,
  error,
  className,
}: {
  label: ReactNode;
  name: string;
  options: Option[];
  defaultValue?: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
}) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (!enhanced) {
    return (
      <div className={className}>
        <SelectField
          label={label}
          name={name}
          options={options}
          defaultValue={defaultValue}
          hint={hint}
          error={error}
        />
      </div>
    );
  }
  return (
    <EnhancedComboBox
      label={label}
      name={name}
      options={options}
      defaultValue={defaultValue}
      hint={hint}
      error={error}
      className={className}
    />
  );
}

function EnhancedComboBox({
  label,
  name,
  options,
  defaultValue,
  hint,
  error,
  className,
}: {
  label: ReactNode;
  name: string;
  options: Option[];
  defaultValue: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
}) {
  const { t } = useT();
  const { contains } = useFilter({ sensitivity: "base" });
  const id = useId();
  // The "none" option ("" in the form, e.g. "— not specified —") is not an item: it is the empty
  // field's placeholder, and clearing the text chooses it. As an item its label filled the input,
  // and typing "germ" searched for "germ— not specified —".
  const emptyOption = options.find((option) => option.value === "");
  const items = options
    .filter((option) => option.value !== "")
    .map((option) => ({ id: option.value, label: option.label }));
  const [selected, setSelected] = useState<string | null>(defaultValue || null);
  return (
    <ComboBox
      className={cn("space-y-1", className)}
      // defaultItems, not items: React Aria filters only items it owns (with `items` the caller
      // filters), so `items` showed all 250 countries whatever was typed.
      defaultItems={items}
      selectedKey={selected}
      onSelectionChange={(key) => {
        // Cleared: "none" where the field has that option; otherwise the last choice stays.
        if (key !== null) setSelected(String(key));
        else if (emptyOption) setSelected(null);
      }}
      defaultFilter={contains}
      isInvalid={Boolean(error)}
    >
      <Label className="block text-sm font-medium text-slate-800">{label}</Label>
      <div className="relative">
        <Input
          id={id}
          placeholder={emptyOption?.label}
          className="block w-full rounded-md border border-slate-300 bg-white py-2 pr-10 pl-3 text-sm shadow-sm aria-[invalid=true]:border-red-600"
        />
        <AriaButton
          aria-label={t("ui.comboBoxShowAll")}
          className="absolute inset-y-0 right-0 flex items-center px-2 text-slate-600"
        >
          <Icon icon={ChevronDown} />
        </AriaButton>
      </div>
      <input type="hidden" name={name} value={selected ?? ""} />
      {hint ? (
        <Text slot="description" className="block text-xs text-slate-600">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="block text-sm text-red-700">
          {error}
        </Text>
      ) : null}
      <Popover className="max-h-72 w-(--trigger-width) overflow-auto rounded-md border border-border bg-surface shadow-lg">
        <ListBox
          className="p-1 outline-none"
          renderEmptyState={() => (
            <p className="px-3 py-2 text-sm text-slate-600">{t("ui.comboBoxNoMatch")}</p>
          )}
        >
          {(item: { id: string; label: string }) => (
            <ListBoxItem
              id={item.id}
              textValue={item.label}
              className="cursor-default rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-[focused]:bg-brand-50 data-[selected]:font-semibold"
            >
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
