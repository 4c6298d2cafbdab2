package dev.calsync.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Graph's answer to one request: the status, the JSON body (a missing node when there was none) and, for an
 * error, Graph's code ({@code {"error":{"code":…}}}, e.g. ErrorItemNotFound, syncStateNotFound).
 */
record GraphAnswer(int status, JsonNode json, String errorCode) {

    GraphAnswer {
        json = json == null ? MissingNode.getInstance() : json;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
