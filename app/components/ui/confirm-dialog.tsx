import { useRef, useState, type ReactNode } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useT } from "../../utils/use-t";
import { Button, type ButtonProps } from "./button";

/**
 * A submit button for a destructive action that asks first. Without JavaScript it is a plain
 * submit button (the server-side action stays the guard; the form works as before). With
 * JavaScript a press opens a modal dialog (React Aria: focus moves into it and is trapped there,
 * Escape closes it, focus returns to the button); "confirm" submits the button's own form with the
 * button as submitter, so its name and value are sent as if it had been pressed.
 */
export function ConfirmSubmitButton({
  title,
  body,
  confirmLabel,
  children,
  ...button
}: {
  title: ReactNode;
  body?: ReactNode;
  confirmLabel: ReactNode;
  children: ReactNode;
} & Omit<ButtonProps, "type" | "onClick">) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={trigger}
        type="submit"
        variant="danger"
        {...button}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </Button>
      <ModalOverlay
        isOpen={open}
        onOpenChange={setOpen}
        isDismissable
        className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4"
      >
        <Modal className="w-full max-w-md rounded-lg border border-border bg-surface p-6 shadow-xl">
          <Dialog role="alertdialog" className="outline-none">
            {({ close }) => (
              <>
                <Heading slot="title" className="text-lg font-semibold text-slate-900">
                  {title}
                </Heading>
                {body ? <div className="mt-2 text-sm text-slate-700">{body}</div> : null}
                <div className="mt-6 flex flex-wrap justify-end gap-2">
                  <Button type="button" variant="secondary" onClick={close} autoFocus>
                    {t("ui.confirmCancel")}
                  </Button>
                  <Button
                    type="button"
                    variant="danger"
                    onClick={() => {
                      close();
                      const submitter = trigger.current;
                      submitter?.form?.requestSubmit(submitter);
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
