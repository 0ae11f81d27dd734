/** Saving bytes as a file from the page: a link to an object URL, let go when no longer shown. */
import { Button } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";

const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.12",
  zip: "application/zip",
};

export function DownloadLink(props: {
  bytes: Uint8Array;
  name: string;
  label: string;
  testId: string;
  primary?: boolean;
}) {
  const { bytes, name } = props;
  const type = TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
  const url = useMemo(
    () => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })),
    [bytes, type],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Button
      as="a"
      appearance={props.primary ? "primary" : "secondary"}
      href={url}
      download={name}
      data-testid={props.testId}
    >
      {props.label}
    </Button>
  );
}
