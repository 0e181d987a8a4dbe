export interface ScaleDto {
  id: string;
  name: string;
  version: number;
  levels: Array<{ id: string; key: string; label: string; description: string; color: string; value: number | null; position: number }>;
}
