import { toMillis, type TimestampLike } from "@hearth/domain";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export const formatWhen = (value: TimestampLike) => dateTime.format(toMillis(value));
