import type { ImageErrorCode } from "@hearth/domain";
import { PermanentError } from "../permanent-error";

/**
 * An upload the pipeline refuses for good: retrying cannot change the file. `reason` is the
 * sentence the admin reads on the product; `message` is for the logs.
 */
export class ImageRejection extends PermanentError {
  readonly code: ImageErrorCode;

  constructor(code: ImageErrorCode, reason: string, detail: string = reason) {
    super(detail, reason);
    this.name = "ImageRejection";
    this.code = code;
  }
}
