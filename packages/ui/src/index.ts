export { cn } from "./cn";
export { Button, Spinner } from "./button";
export type { ButtonProps } from "./button";
export { Input, Select, Field } from "./field";
export { Card, CardHeader, Badge, Alert, EmptyState, Skeleton } from "./card";
