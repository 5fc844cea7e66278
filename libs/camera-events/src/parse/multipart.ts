/** One part of a multipart/form-data body, read into memory (the API reads the form). */
export interface FormPart {
  name: string;
  filename?: string | undefined;
  contentType?: string | undefined;
  data: Buffer;
}
