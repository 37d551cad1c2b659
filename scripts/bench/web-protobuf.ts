// Just enough of the protobuf wire format to find a few fields in Firestore's gRPC messages
// (web-grpc-proxy.ts) without bundling Firestore's .proto files or a protobuf library.

export type WireField =
  | { field: number; kind: "varint"; value: number }
  | { field: number; kind: "bytes"; value: Uint8Array }
  | { field: number; kind: "fixed" };

/** The top-level fields of one message, in order; nested messages stay as bytes. */
export function readFields(message: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let position = 0;
  const varint = (): number => {
    let value = 0;
    // Plain numbers: ids and lengths fit in 53 bits, and no caller needs a 64-bit value exactly.
    for (let shift = 0; ; shift += 7) {
      const byte = message[position++];
      if (byte === undefined) throw new Error("Truncated protobuf varint");
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
  };
  while (position < message.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wireType = key % 8;
    if (wireType === 0) {
      fields.push({ field, kind: "varint", value: varint() });
    } else if (wireType === 2) {
      const length = varint();
      if (position + length > message.length) throw new Error("Truncated protobuf field");
      fields.push({ field, kind: "bytes", value: message.subarray(position, position + length) });
      position += length;
    } else if (wireType === 1 || wireType === 5) {
      position += wireType === 1 ? 8 : 4;
      fields.push({ field, kind: "fixed" });
    } else {
      throw new Error(`Unsupported protobuf wire type ${wireType}`);
    }
  }
  return fields;
}

/** The bytes of the first occurrence of a length-delimited field (a nested message), if any. */
export function messageField(fields: readonly WireField[], field: number): Uint8Array | null {
  for (const candidate of fields) {
    if (candidate.field === field && candidate.kind === "bytes") return candidate.value;
  }
  return null;
}

/** A repeated integer field, packed (proto3's default) or not. */
export function repeatedInts(fields: readonly WireField[], field: number): number[] {
  const values: number[] = [];
  for (const candidate of fields) {
    if (candidate.field !== field) continue;
    if (candidate.kind === "varint") values.push(candidate.value);
    if (candidate.kind === "bytes") values.push(...packedVarints(candidate.value));
  }
  return values;
}

function packedVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) {
      values.push(value);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
